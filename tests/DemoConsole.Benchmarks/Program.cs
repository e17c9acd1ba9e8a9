// Benchmarks are added per capability (load engine, sandbox); see docs/benchmarks.md.
using DemoConsole.Benchmarks.Sandbox;

switch (args.FirstOrDefault())
{
    case "sandbox":
        await WatchFanOut.RunAsync(watchers: 100);
        await ListLatency.RunAsync(requests: 1000);
        await KillReplaceMemory.RunAsync(cycles: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
        return 0;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/DemoConsole.Benchmarks -- <benchmark>");
        Console.WriteLine("benchmarks: sandbox [kill/replace cycles, default 1000] (watch fan-out, list latency, memory across pod kill/replace cycles)");
        return 1;
}
