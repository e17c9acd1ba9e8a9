using System.IO.Pipelines;
using System.Text;
using DemoConsole.Core.Load;
using DemoConsole.Core.Load.Worker;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Load.Worker;

/// <summary>
/// The worker's side of the line protocol, in process: a request on its input, snapshots on its output until the
/// final one, a stop on request or when its input ends, and refusals it writes instead of running.
/// </summary>
public sealed class LoadWorkerTests : LoadTargetTestBase
{
    [Fact]
    public async Task RunAsync_ClosedPlan_WritesSnapshotsEndingWithTheFinalFigures()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 4, Count = 300 };
        await using var worker = await StartWorkerAsync(new LoadWorkerRequest(plan, Caps));

        var messages = await worker.ReadToEndAsync();

        Assert.Equal(LoadWorker.Ran, await worker.Exit);
        var snapshots = messages.Select(m => m.Snapshot!).ToList();
        Assert.All(snapshots.SkipLast(1), s => Assert.Equal(LoadRunState.Running, s.State));
        var final = snapshots[^1];
        Assert.Equal(LoadRunState.Completed, final.State);
        Assert.Equal(300, final.Completed);
        Assert.Equal(300, final.StatusCounts[200]);
        Assert.Equal(300, Target.RequestCount);
        Assert.True(final.Latency.Count > 0);
    }

    [Fact]
    public async Task RunAsync_StopLine_StopsTheRunAndStillWritesItsFigures()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Duration = TimeSpan.FromMinutes(4) };
        await using var worker = await StartWorkerAsync(new LoadWorkerRequest(plan, Caps));
        await AsyncWait.UntilAsync(() => Target.RequestCount > 50, "the worker to send");

        await worker.SendAsync(LoadWorkerProtocol.Stop);
        var messages = await worker.ReadToEndAsync();

        var final = messages[^1].Snapshot!;
        Assert.Equal(LoadRunState.Stopped, final.State);
        Assert.True(final.Sent > 50);
    }

    [Fact]
    public async Task RunAsync_InputEnds_StopsTheRun()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Duration = TimeSpan.FromMinutes(4) };
        await using var worker = await StartWorkerAsync(new LoadWorkerRequest(plan, Caps));
        await AsyncWait.UntilAsync(() => Target.RequestCount > 0, "the worker to send");

        await worker.CloseInputAsync();
        var messages = await worker.ReadToEndAsync();

        Assert.Equal(LoadRunState.Stopped, messages[^1].Snapshot!.State);
    }

    [Fact]
    public async Task RunAsync_TargetOutsideTheCaps_WritesTheProblemsAndSendsNothing()
    {
        var plan = new LoadPlan { Target = KestrelLoadTarget.UnusedLoopbackAddress(), Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Count = 10 };
        await using var worker = await StartWorkerAsync(new LoadWorkerRequest(plan, Caps));

        var messages = await worker.ReadToEndAsync();

        Assert.Equal(LoadWorker.Refused, await worker.Exit);
        var problems = Assert.Single(messages).Problems;
        Assert.NotNull(problems);
        Assert.NotEmpty(problems);
        Assert.Equal(0, Target.RequestCount);
    }

    [Fact]
    public async Task RunAsync_UnreadableRequest_IsRefused()
    {
        await using var worker = await StartWorkerAsync(null);
        await worker.SendAsync("{not json");

        var messages = await worker.ReadToEndAsync();

        Assert.Equal(LoadWorker.Refused, await worker.Exit);
        Assert.NotEmpty(Assert.Single(messages).Problems!);
    }

    private static async Task<WorkerUnderTest> StartWorkerAsync(LoadWorkerRequest? request)
    {
        var worker = new WorkerUnderTest();
        if (request is not null)
        {
            await worker.SendAsync(LoadWorkerProtocol.Write(request));
        }

        return worker;
    }

    /// <summary>The worker's loop on two in-memory pipes, as the console's process pipes would carry it.</summary>
    private sealed class WorkerUnderTest : IAsyncDisposable
    {
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();
        private readonly StreamWriter _inputWriter;

        public WorkerUnderTest()
        {
            _inputWriter = new StreamWriter(_input.Writer.AsStream(), new UTF8Encoding(false)) { AutoFlush = true };
            var reader = new StreamReader(_input.Reader.AsStream(), Encoding.UTF8);
            var writer = new StreamWriter(_output.Writer.AsStream(), new UTF8Encoding(false));
            Exit = Task.Run(async () =>
            {
                try
                {
                    return await LoadWorker.RunAsync(reader, writer, caps => new HttpLoadEngine(caps), CancellationToken.None);
                }
                finally
                {
                    await _output.Writer.CompleteAsync();
                }
            });
        }

        public Task<int> Exit { get; }

        public ValueTask SendAsync(string line) => new(_inputWriter.WriteLineAsync(line));

        public async Task CloseInputAsync() => await _input.Writer.CompleteAsync();

        public async Task<List<LoadWorkerMessage>> ReadToEndAsync()
        {
            using var reader = new StreamReader(_output.Reader.AsStream(), Encoding.UTF8);
            var messages = new List<LoadWorkerMessage>();
            while (await reader.ReadLineAsync() is { } line)
            {
                messages.Add(LoadWorkerProtocol.ReadMessage(line)!);
            }

            return messages;
        }

        public async ValueTask DisposeAsync()
        {
            await _input.Writer.CompleteAsync();
            await Exit;
        }
    }
}
