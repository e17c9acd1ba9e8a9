using DemoConsole.Benchmarks.Load;

// Benchmarks are added per capability (load engine, sandbox); see docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/DemoConsole.Benchmarks -- <benchmark>");
    Console.WriteLine("  load [--seconds 10] [--connections 50] [--rounds 2] [--memory-duration 60s] [--only throughput|open|stall|memory]   load engine vs wrk and hey (loopback only)");
    return 1;
}
