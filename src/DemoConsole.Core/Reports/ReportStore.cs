using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Reports;

/// <summary>
/// Saved reports, one JSON file each in <c>reports/</c> of the state folder, named by start time and scenario, so the
/// next run-through can be compared with this one. Without a state folder nothing is kept and saving says so.
/// </summary>
public sealed class ReportStore(string? stateFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public string? Folder { get; } = string.IsNullOrWhiteSpace(stateFolder) ? null : Path.Combine(stateFolder, "reports");

    /// <summary>Writes the report; returns the file, or null and why it was not saved.</summary>
    public (string? File, UiMessage? Problem) Save(SessionReport report)
    {
        if (Folder is null)
        {
            return (null, new UiMessage("Report_NotKept"));
        }

        var at = (report.StartedAt ?? report.GeneratedAt).UtcDateTime;
        var file = Path.Combine(Folder, $"{at.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Slug(report.Scenario)}.json");
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(file, JsonSerializer.Serialize(report, Json));
            return (file, null);
        }
        catch (IOException e)
        {
            return (null, new UiMessage("Report_WriteFailed", Folder, e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, new UiMessage("Report_WriteFailed", Folder, e.Message));
        }
    }

    /// <summary>The newest saved report of the same scenario that started before <paramref name="current"/>, or null.</summary>
    public SessionReport? Previous(SessionReport current)
    {
        if (Folder is null || !Directory.Exists(Folder))
        {
            return null;
        }

        var currentStart = current.StartedAt ?? current.GeneratedAt;
        return Directory.EnumerateFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Reverse()
            .Select(Read)
            .FirstOrDefault(r => r is not null && r.Scenario == current.Scenario && (r.StartedAt ?? r.GeneratedAt) < currentStart);
    }

    /// <summary>A saved report, or null for a file that is not one (a half-written or foreign file is skipped, not fatal).</summary>
    public static SessionReport? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionReport>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "scenario" : slug[..Math.Min(40, slug.Length)];
    }
}
