// Benchmarks are added per capability (load engine, sandbox); see docs/benchmarks.md.
Console.WriteLine("usage: dotnet run -c Release --project tests/DemoConsole.Benchmarks -- <benchmark>");
return 1;
