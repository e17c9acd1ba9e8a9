using System.Diagnostics;
using System.Net;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.InCluster;

/// <summary>
/// The console as a pod runs it: its own process, secrets from mounted files (<c>*File</c> settings), the session and
/// the data-protection keys on a state volume. A presenter's sign-in cookie still works after the process is replaced
/// by a new one on the same state folder — and not on a fresh one, which is what the keys folder is for.
/// </summary>
public sealed class ConsoleRestartTests : IDisposable
{
    private const string Key = "presenter-key-from-a-mounted-secret";
    private readonly string _secrets = Directory.CreateTempSubdirectory("console-secrets-").FullName;
    private readonly string _state = Directory.CreateTempSubdirectory("console-state-").FullName;

    public void Dispose()
    {
        Directory.Delete(_secrets, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task SignInCookie_SurvivesARestartOnTheSameStateFolder_NotOnAnotherOne()
    {
        // As kubectl create secret --from-file leaves it: with a trailing line break.
        await File.WriteAllTextAsync(Path.Combine(_secrets, "presenter-key"), Key + "\n");
        string cookie;
        await using (var first = await ConsoleProcess.StartAsync(_secrets, _state))
        {
            cookie = await SignInAsync(first.Address);
            Assert.Equal(HttpStatusCode.OK, await PresenterPageAsync(first.Address, cookie));
        }

        await using var restarted = await ConsoleProcess.StartAsync(_secrets, _state);
        var afterRestart = await PresenterPageAsync(restarted.Address, cookie);
        var elsewhere = Directory.CreateTempSubdirectory("console-state-other-").FullName;
        HttpStatusCode onOtherState;
        await using (var other = await ConsoleProcess.StartAsync(_secrets, elsewhere))
        {
            onOtherState = await PresenterPageAsync(other.Address, cookie);
        }

        Directory.Delete(elsewhere, recursive: true);
        Assert.Equal(HttpStatusCode.OK, afterRestart);
        Assert.Equal(HttpStatusCode.Redirect, onOtherState);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_state, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task UnreadableSecretFile_StopsTheStartNamingTheSetting()
    {
        var missing = Path.Combine(_secrets, "not-mounted");

        var (exitCode, output) = await ConsoleProcess.RunToEndAsync(_secrets, _state, ("DemoConsole__Auth__ViewerTokenFile", missing));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"DemoConsole:Auth:ViewerTokenFile: cannot read {missing}", output, StringComparison.Ordinal);
    }

    private static Task<string> SignInAsync(Uri console) => CookieSignIn.SignInAsync(console, Key);

    private static Task<HttpStatusCode> PresenterPageAsync(Uri console, string cookie) => CookieSignIn.PresenterPageAsync(console, cookie);

    /// <summary>dotnet DemoConsole.dll on a loopback port, configured only through the environment, as in a pod.</summary>
    private sealed class ConsoleProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ConsoleProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ConsoleProcess> StartAsync(string secrets, string state)
        {
            var port = RealPrometheus.FreePort();
            var process = Start(secrets, state, port);
            var address = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                await AsyncWait.UntilAsync(async () =>
                {
                    Assert.False(process.HasExited, "the console exited at start");
                    try
                    {
                        using var ready = await http.GetAsync("/health/ready");
                        return ready.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                }, "the console to be ready", TimeSpan.FromSeconds(60));
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }

            return new ConsoleProcess(process, address);
        }

        public static async Task<(int ExitCode, string Output)> RunToEndAsync(string secrets, string state, params (string Name, string Value)[] extra)
        {
            using var process = Start(secrets, state, RealPrometheus.FreePort(), extra);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }

        private static Process Start(string secrets, string state, int port, params (string Name, string Value)[] extra)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DemoConsole.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["DemoConsole__Auth__PresenterKeyFile"] = Path.Combine(secrets, "presenter-key");
            start.Environment["DemoConsole__StateFile"] = Path.Combine(state, "session.json");
            foreach (var name in new[] { "SandboxApiPort", "SandboxGatewayPort", "SandboxPrometheusPort", "SandboxGitHubPort" })
            {
                start.Environment[$"DemoConsole__Cluster__{name}"] = "0";
            }

            start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            foreach (var (name, value) in extra)
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("the console did not start");
            if (extra.Length == 0)
            {
                // Drained so a chatty console never blocks on a full pipe.
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            return process;
        }

        public async ValueTask DisposeAsync()
        {
            // SIGTERM, as the kubelet stops a pod: the console saves its session and stops its sandbox.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
