using System.Security.Cryptography;
using System.Text;

namespace DemoConsole.Sandbox.GitHub.Git;

/// <summary>Git's object ids: SHA-1 over "type length\0content", so a blob's sha is the one real git would give.</summary>
internal static class GitObjects
{
    public static string BlobSha(byte[] content) => Hash("blob", content);

    public static string Hash(string type, byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"{type} {content.Length}\0");
        var all = new byte[header.Length + content.Length];
        header.CopyTo(all, 0);
        content.CopyTo(all, header.Length);
#pragma warning disable CA5350 // Git object ids are SHA-1 by definition; nothing here is a security boundary.
        return Convert.ToHexStringLower(SHA1.HashData(all));
#pragma warning restore CA5350
    }

    public static string Hash(string type, string content) => Hash(type, Encoding.UTF8.GetBytes(content));
}
