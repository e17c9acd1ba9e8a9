using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>One page of a list, with the list metadata a cluster sends alongside it.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);

/// <summary>
/// <c>limit</c> and <c>continue</c> as kube-apiserver's etcd3 store pages a list: every page reads the snapshot at
/// the first page's resourceVersion, items in key order; <c>remainingItemCount</c> only for an unfiltered list (with a
/// selector the count is unknown); a token whose snapshot is gone is 410 Expired with a token to go on at the latest
/// version; a malformed token is 400.
/// </summary>
internal static class ListPaging
{
    private const string InconsistentContinue =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, " +
        "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an " +
        "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    public static ListPage Read(ResourceStore store, ResourceType type, string? ns, IQueryCollection query, Func<StoredObject, bool> matches, bool filtered)
    {
        var limit = QueryParameters.Integer(query, "limit") ?? 0;
        var token = string.IsNullOrEmpty(query["continue"]) ? null : ContinueToken.Decode(query["continue"]!);
        IReadOnlyList<StoredObject> items;
        long version;
        if (token is null)
        {
            (items, version) = store.List(type, ns);
        }
        else
        {
            if (query["resourceVersion"] is { Count: > 0 } rv && !string.IsNullOrEmpty(rv[0]) && rv[0] != "0")
            {
                throw ApiException.BadRequest("specifying resource version is not allowed when using continue");
            }

            if (token.ResourceVersion > 0)
            {
                version = token.ResourceVersion;
                items = store.ListAt(type, ns, version) ?? throw Expired(token);
            }
            else
            {
                (items, version) = store.List(type, ns);
            }
        }

        var from = token is null ? 0 : FirstAtOrAfter(items, token.StartKey, type, ns);
        var page = new List<StoredObject>();
        var next = from;
        for (; next < items.Count && (limit <= 0 || page.Count < limit); next++)
        {
            if (matches(items[next]))
            {
                page.Add(items[next]);
            }
        }

        if (next >= items.Count)
        {
            return new ListPage(page, version, null, null);
        }

        var resume = new ContinueToken(version, Key(items[next - 1], type, ns) + "\0").Encode();
        return new ListPage(page, version, resume, filtered ? null : items.Count - next);
    }

    /// <summary>The key an item has under the list's prefix, as etcd orders it.</summary>
    private static string Key(StoredObject o, ResourceType type, string? ns) =>
        ns is null && type.Namespaced ? $"{o.Namespace}/{o.Name}" : o.Name;

    private static int FirstAtOrAfter(IReadOnlyList<StoredObject> items, string start, ResourceType type, string? ns)
    {
        var i = 0;
        while (i < items.Count && string.CompareOrdinal(Key(items[i], type, ns), start) < 0)
        {
            i++;
        }

        return i;
    }

    private static ApiException Expired(ContinueToken token) =>
        new(410, "Expired", InconsistentContinue) { Continue = (token with { ResourceVersion = -1 }).Encode() };
}
