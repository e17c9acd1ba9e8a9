namespace DemoConsole.Sandbox.Gateway;

/// <summary>What the blog service serves: a small page and its posts (the seed's <c>curl .../blog/ | head -5</c>).</summary>
internal static class BlogPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="ko">
        <head><meta charset="utf-8"><title>Titanium Blog</title></head>
        <body>
        <h1>Titanium Blog</h1>
        <ul>
        <li><a href="/blog/posts/1">Cloud-Native 마이크로서비스 플랫폼 v2.0</a></li>
        <li><a href="/blog/posts/2">Istio mTLS STRICT 모드 적용기</a></li>
        <li><a href="/blog/posts/3">Golden Signals로 보는 관측성</a></li>
        </ul>
        </body>
        </html>

        """;

    public const string PostsJson =
        "[{\"id\":1,\"title\":\"Cloud-Native 마이크로서비스 플랫폼 v2.0\"},{\"id\":2,\"title\":\"Istio mTLS STRICT 모드 적용기\"},{\"id\":3,\"title\":\"Golden Signals로 보는 관측성\"}]";
}
