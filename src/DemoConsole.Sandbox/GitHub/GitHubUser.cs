namespace DemoConsole.Sandbox.GitHub;

/// <summary>An account of the twin: token owners and the Actions bot.</summary>
internal sealed record GitHubUser(string Login, long Id, string Name, string Email, string Type = "User")
{
    public static readonly GitHubUser Presenter = new("titanium-presenter", 90_002, "Titanium Presenter", "90002+titanium-presenter@users.noreply.github.com");

    public static readonly GitHubUser Owner = new("DvwN-Lee", 90_001, "DvwN-Lee", "dvwn.lee@users.noreply.github.com");

    public static readonly GitHubUser ActionsBot = new("github-actions[bot]", 41_898_282, "github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", "Bot");

    public static GitHubUser? ByEmail(string email) =>
        new[] { Presenter, Owner, ActionsBot }.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    public static GitHubUser? ByName(string name) =>
        new[] { Presenter, Owner, ActionsBot }.FirstOrDefault(u => u.Name == name || u.Login == name);
}
