using System.Net;
using System.Text;

namespace DemoConsole.Browser.Tests.Secrets;

/// <summary>
/// Known secret values, and every place one of them was found. Each secret is also looked for URL-encoded and, for a
/// user/password pair, as the Basic credential a header would carry, so an encoded leak is a leak too.
/// </summary>
public sealed class SecretScan
{
    private readonly List<(string Name, string Value)> _secrets = [];
    private readonly List<string> _findings = [];
    private int _textsScanned;

    public SecretScan Add(string name, string value)
    {
        _secrets.Add((name, value));
        var encoded = WebUtility.UrlEncode(value);
        if (encoded != value)
        {
            _secrets.Add((name + " (URL-encoded)", encoded));
        }

        return this;
    }

    public SecretScan AddBasic(string name, string user, string password) =>
        Add(name + " password", password).Add(name + " Basic credential", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public int TextsScanned => _textsScanned;

    public IReadOnlyList<string> Findings => _findings;

    public void Scan(string where, string? text)
    {
        _textsScanned++;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var (name, value) in _secrets)
        {
            var at = text.IndexOf(value, StringComparison.Ordinal);
            if (at >= 0)
            {
                var from = Math.Max(0, at - 60);
                _findings.Add($"{name} in {where}: …{text[from..Math.Min(text.Length, at + value.Length + 20)]}…");
            }
        }
    }
}
