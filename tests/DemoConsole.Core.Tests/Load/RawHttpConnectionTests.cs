using DemoConsole.Core.Load;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Load;

/// <summary>The closed model's own HTTP/1.1 client against responses scripted byte for byte, on loopback.</summary>
public sealed class RawHttpConnectionTests : IAsyncLifetime
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private readonly ScriptedHttpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private RawHttpConnection Connection(string path = "/blog/?page=2") => new(new Uri(_server.BaseAddress, path));

    private static Task<int> ExchangeAsync(RawHttpConnection connection) =>
        connection.ExchangeAsync(CancellationToken.None).AsTask().WaitAsync(AsyncWait.DefaultTimeout);

    [Fact]
    public async Task Exchange_SendsTheHandlersRequestLineAndHost()
    {
        _server.Then(Ok);
        using var connection = Connection();

        Assert.Equal(200, await ExchangeAsync(connection));

        Assert.Equal($"GET /blog/?page=2 HTTP/1.1\r\nHost: 127.0.0.1:{_server.BaseAddress.Port}\r\n\r\n", _server.Requests.Single());
    }

    [Fact]
    public async Task Exchange_ContentLengthAndChunkedBodies_ReadWholeAndKeepTheConnection()
    {
        _server
            .Then("HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\n\r\nnot found")
            .Then("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=x\r\nabcd\r\n3\r\nefg\r\n0\r\nX-Trailer: 1\r\n\r\n")
            .Then("HTTP/1.1 204 No Content\r\n\r\n")
            .Then(Ok);
        using var connection = Connection();

        int[] statuses = [await ExchangeAsync(connection), await ExchangeAsync(connection), await ExchangeAsync(connection), await ExchangeAsync(connection)];

        Assert.Equal([404, 200, 204, 200], statuses);
        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task Exchange_InterimAnswer_IsSkippedForTheFinalOne()
    {
        _server.Then("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n").Then(Ok);
        using var connection = Connection();

        Assert.Equal(503, await ExchangeAsync(connection));
        Assert.Equal(200, await ExchangeAsync(connection));
        Assert.Equal(1, _server.Connections);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\nbody until the server closes")]
    public async Task Exchange_ConnectionNotKept_NextRequestOpensANewOne(string response)
    {
        _server.Then(response, close: true).Then(Ok);
        using var connection = Connection();

        Assert.Equal(200, await ExchangeAsync(connection));
        Assert.Equal(200, await ExchangeAsync(connection));
        Assert.Equal(2, _server.Connections);
    }

    [Fact]
    public async Task Exchange_Http10KeepAlive_KeepsTheConnection()
    {
        _server.Then("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok").Then(Ok);
        using var connection = Connection();

        await ExchangeAsync(connection);
        await ExchangeAsync(connection);

        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task Exchange_KeptConnectionClosedBeforeAnswering_SendsOnceMoreOnANewConnection()
    {
        // The server's idle timeout closed the kept connection: the handler sends such a request again, so does this.
        _server.Then(Ok).Then(null).Then(Ok);
        using var connection = Connection();

        Assert.Equal(200, await ExchangeAsync(connection));
        Assert.Equal(200, await ExchangeAsync(connection));

        Assert.Equal(2, _server.Connections);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Exchange_NewConnectionClosedBeforeAnswering_IsResponseEndedNotRetried()
    {
        _server.Then(null);
        using var connection = Connection();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ExchangeAsync(connection));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(LoadErrorClass.Reset, ErrorClassifier.Classify(error));
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nshort")]
    public async Task Exchange_BodyCutShort_IsResponseEnded(string response)
    {
        _server.Then(response, close: true);
        using var connection = Connection();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ExchangeAsync(connection));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public async Task Exchange_NotHttp_IsInvalidResponse(string response)
    {
        _server.Then(response, close: true);
        using var connection = Connection();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ExchangeAsync(connection));

        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
    }

    [Fact]
    public void CanSend_OnlyClosedModelPlainHttpGets()
    {
        var caps = new LoadCaps { AllowedTargets = [new Uri("http://127.0.0.1:9/"), new Uri("https://127.0.0.1:9/")] };
        ResolvedPlan Resolve(LoadPlan plan)
        {
            LoadPlanValidator.TryResolve(plan, caps, out var resolved);
            return resolved!;
        }

        var closed = new LoadPlan { Target = new Uri("http://127.0.0.1:9/"), Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Count = 4 };

        Assert.True(RawHttpConnection.CanSend(Resolve(closed)));
        Assert.False(RawHttpConnection.CanSend(Resolve(closed with { Method = "DELETE" })));
        Assert.False(RawHttpConnection.CanSend(Resolve(closed with { Target = new Uri("https://127.0.0.1:9/") })));
        Assert.False(RawHttpConnection.CanSend(Resolve(LoadPlan.Burst(new Uri("http://127.0.0.1:9/"), "/blog/", 10, 4))));
    }
}
