namespace DemoConsole.Core.Recording;

/// <summary>
/// Part of <see cref="RecordingStore"/>: the folder as one copy of recordings several console replicas share. A
/// recording's bytes travel in whole lines, appended at a known length, so every copy is the same file or an earlier
/// length of it, and any copy reads as a recording. Names come from the shared list and are held to the same rule as
/// the folder's own (<see cref="ValidName"/>): a plain file name in this folder, never a path.
/// </summary>
public sealed partial class RecordingStore
{
    /// <summary>The recordings in the folder by file name (readable or not), without reading them.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*" + Extension).Select(Path.GetFileName).OfType<string>().Where(n => ValidName().IsMatch(n)).ToList()
            : [];

    /// <summary>How many bytes of recording <paramref name="name"/> this folder has (0 when none).</summary>
    public long LengthOf(string name) => PathOf(name) is { } path ? new FileInfo(path).Length : 0;

    /// <summary>
    /// The bytes of recording <paramref name="name"/> from <paramref name="offset"/> up to its last whole line (a line
    /// being written is left for next time); empty when there are none.
    /// </summary>
    public byte[] WholeLinesFrom(string name, long offset)
    {
        if (PathOf(name) is not { } path)
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (offset >= file.Length)
        {
            return [];
        }

        file.Position = offset;
        var bytes = new byte[file.Length - offset];
        file.ReadExactly(bytes);
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        return end == bytes.Length ? bytes : bytes[..end];
    }

    /// <summary>
    /// Adds <paramref name="bytes"/> to this folder's copy of recording <paramref name="name"/> when it has exactly
    /// <paramref name="offset"/> bytes of it (a new copy appears whole, never half written); false otherwise, or when
    /// the name is not one a recording can have.
    /// </summary>
    public bool Receive(string name, long offset, ReadOnlySpan<byte> bytes)
    {
        if (!ValidName().IsMatch(name) || LengthOf(name) != offset)
        {
            return false;
        }

        var path = Path.Combine(Folder, name);
        if (offset > 0)
        {
            using var existing = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete);
            existing.Write(bytes);
            return true;
        }

        // Not *.jsonl while written: the listing never sees it half there.
        Directory.CreateDirectory(Folder);
        var part = Path.Combine(Folder, $".{name}.{Guid.NewGuid():n}.part");
        File.WriteAllBytes(part, bytes.ToArray());
        try
        {
            File.Move(part, path, overwrite: false);
            return true;
        }
        catch (IOException)
        {
            File.Delete(part);
            return false;
        }
    }
}
