using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// Bound service-account tokens as kube-apiserver issues them for a TokenRequest: RS256 JWTs with the
/// <c>kubernetes.io</c> claim naming the service account and its uid. A token stops working when it expires or when
/// its service account is deleted (or re-created with another uid), as a bound token does.
/// </summary>
internal sealed class ServiceAccountTokens(Cluster cluster) : IDisposable
{
    public const string Issuer = "https://kubernetes.default.svc.cluster.local";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray()))[..16];

    public (string Token, DateTimeOffset Expires) Issue(StoredObject serviceAccount, IReadOnlyList<string> audiences, long expirationSeconds)
    {
        var now = cluster.Now;
        var expires = now.AddSeconds(expirationSeconds);
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _keyId };
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => (JsonNode)a)]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = serviceAccount.Namespace,
                ["serviceaccount"] = new JsonObject { ["name"] = serviceAccount.Name, ["uid"] = serviceAccount.Uid },
            },
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = $"system:serviceaccount:{serviceAccount.Namespace}:{serviceAccount.Name}",
        };
        var signed = $"{Base64Url(header.ToJsonString())}.{Base64Url(payload.ToJsonString())}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return ($"{signed}.{Base64UrlEncode(signature)}", expires);
    }

    /// <summary>Whether a bearer token has the shape of a JWT, i.e. claims to be a service-account token.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2 && token.StartsWith("eyJ", StringComparison.Ordinal);

    /// <summary>The service account a token authenticates, or null when it is forged, expired or its account is gone.</summary>
    public RequestUser? Authenticate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var signature = Base64UrlDecode(parts[2]);
            if (!_key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return null;
            }

            var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
            if ((long?)payload["exp"] is not { } exp || DateTimeOffset.FromUnixTimeSeconds(exp) <= cluster.Now)
            {
                return null;
            }

            // A token for another audience (a token meant for a vault, say) does not authenticate to the API server.
            if ((payload["aud"] as JsonArray)?.Any(a => (string?)a == Issuer) != true)
            {
                return null;
            }

            var ns = (string?)payload["kubernetes.io"]?["namespace"];
            var name = (string?)payload["kubernetes.io"]?["serviceaccount"]?["name"];
            var uid = (string?)payload["kubernetes.io"]?["serviceaccount"]?["uid"];
            if (ns is null || name is null || cluster.Store.Get(ResourceTypes.ServiceAccounts, ns, name) is not { } account || account.Uid != uid)
            {
                return null;
            }

            return RequestUser.ServiceAccount(ns, name);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(string json) => Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
