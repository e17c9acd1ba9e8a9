using DemoConsole.Benchmarks.Audience;
using DemoConsole.Benchmarks.Load;
using DemoConsole.Benchmarks.Observability;
using DemoConsole.Benchmarks.Pipeline;
using DemoConsole.Benchmarks.Prometheus;
using DemoConsole.Benchmarks.Sandbox;
using DemoConsole.Benchmarks.Screens;

// Benchmarks per capability; figures and how to read them are in docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "sandbox" => await RunSandboxAsync(args[1..]),
    "screens" => await ScreensBenchmark.RunAsync(args[1..]),
    "pipeline" => await PipelineBenchmark.RunAsync(args[1..]),
    "prometheus" => await SampleStoreBenchmark.RunAsync(),
    "observability" => await ObservabilityBenchmark.RunAsync(args[1..]),
    "audience" => await AudienceBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static async Task<int> RunSandboxAsync(string[] args)
{
    await WatchFanOut.RunAsync(watchers: 100);
    await ListLatency.RunAsync(requests: 1000);
    await KillReplaceMemory.RunAsync(cycles: args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return 0;
}

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/DemoConsole.Benchmarks -- <benchmark>");
    Console.WriteLine("  load [--client-seconds 5] [--rounds 3] [--connections 50] [--published DIR] [--seconds 10] [--memory-duration 60s] [--only clients|open|stall|memory]   load engine vs wrk and hey (loopback only)");
    Console.WriteLine("  sandbox [cycles, default 1000]   watch fan-out, list latency, memory across pod kill/replace cycles");
    Console.WriteLine("  prometheus   the Prometheus twin: sample-store memory after 1 h of steady traffic, Golden Signals query set over it");
    Console.WriteLine("  observability [--screens 20] [--trials 8] [--seconds 60] [--only-errors]   queries per minute reaching Prometheus with 1 and 1+N screens; 5xx burst → errors tile red on /watch (real Chromium, loopback only)");
    Console.WriteLine("  screens [--screens 20] [--kills 10] [--gap 2] [--time-scale 0.1]   pod event in the API → presenter and audience screens (real Chromium, loopback only)");
    Console.WriteLine("  audience [--viewers 100,1000] [--replicas 1,2] [--blazor 20,60] [--kills 10] [--chromium 2] [--published DIR] [--gcdump PATH] [--screenshots DIR]   light audience screens on one console or replicas on a real Redis: memory per viewer, pod event → every viewer (lightweight clients + real Chromium, loopback only)");
    Console.WriteLine("  pipeline [time scale, default 1] [poll seconds, default 5]   demo commit → CI → CD → Argo CD → last new pod Ready, by stage, and GitHub requests");
    return 1;
}
