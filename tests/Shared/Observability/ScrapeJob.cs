namespace DemoConsole.Tests.Shared.Observability;

/// <summary>One scrape job of the real Prometheus: its name (the <c>job</c> label), the path it scrapes and the host:port.</summary>
public sealed record ScrapeJob(string Name, string MetricsPath, string Target);
