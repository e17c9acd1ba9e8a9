namespace DemoConsole.Sandbox.Store;

/// <summary>Random name suffixes from the alphabet Kubernetes uses (no vowels, no look-alike digits).</summary>
internal static class NameSuffix
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Next(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
            }
        });
}
