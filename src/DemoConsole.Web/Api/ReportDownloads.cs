using System.Globalization;
using System.Text;
using DemoConsole.Core.Reports;
using DemoConsole.Web.Security;

namespace DemoConsole.Web.Api;

/// <summary>
/// The session report as files for a presenter's browser (the sign-in cookie, like the report page): Markdown to
/// download, and a printable HTML page that opens in a tab. Both are built at the moment of the request, in the
/// request's language (the console's, or the one the presenter picked).
/// </summary>
public static class ReportDownloads
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/present/report/markdown", (LiveReports reports) =>
        {
            var (report, comparison) = Build(reports);
            return Results.File(Encoding.UTF8.GetBytes(ReportMarkdown.Write(report, comparison, CultureInfo.CurrentUICulture)), "text/markdown; charset=utf-8", FileName(report, "md"));
        }).RequireAuthorization(ConsoleClaims.PresenterPolicy);

        app.MapGet("/present/report/html", (LiveReports reports) =>
        {
            var (report, comparison) = Build(reports);
            return Results.Content(ReportHtml.Write(report, comparison, CultureInfo.CurrentUICulture), "text/html; charset=utf-8");
        }).RequireAuthorization(ConsoleClaims.PresenterPolicy);

        return app;
    }

    private static (SessionReport Report, ReportComparison? Comparison) Build(LiveReports reports)
    {
        var report = reports.Build();
        return (report, reports.CompareWithPrevious(report));
    }

    private static string FileName(SessionReport report, string extension) =>
        $"demo-report-{(report.StartedAt ?? report.GeneratedAt).UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.{extension}";
}
