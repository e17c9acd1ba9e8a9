using System.Text;
using DemoConsole.Core.Load;
using DemoConsole.Core.Load.Worker;

namespace DemoConsole.Web.CommandLine;

/// <summary>
/// <c>DemoConsole load-worker</c>: sends one closed-model run for the web console, which starts it
/// (<see cref="Hosting.LoadWorkerStartInfo"/>) and reads its snapshots (Core's <see cref="LoadWorker"/>: the request on
/// standard input, JSON lines on standard output). It has no settings of its own: the plan and its caps come from the
/// console, which validated them.
/// </summary>
internal static class LoadWorkerCommand
{
    public const string Name = "load-worker";

    public static async Task<int> RunAsync()
    {
        ConsoleCommands.UseInlineSocketCompletions();

        // Ctrl+C in the console's terminal reaches this process too; the console stops the run itself (and its
        // going away closes this process's input, which stops the run as well), so the final figures still arrive.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return await LoadWorker.RunAsync(input, output, caps => new HttpLoadEngine(caps), CancellationToken.None);
    }
}
