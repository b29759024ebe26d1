namespace Integreat.Lists.Core.Addressing;

/// <summary>An envelope recipient resolved to a list and a sub-address.</summary>
/// <param name="List">The list's posting address (normalised).</param>
/// <param name="Subaddress">Which list address was named.</param>
/// <param name="Tag">The part after '+' for <c>-bounces+TAG</c> and <c>-confirm+TOKEN</c>, else empty.</param>
public sealed record ListRecipient(string List, Subaddress Subaddress, string Tag)
{
    static readonly (string Suffix, Subaddress Kind)[] Suffixes =
    [
        ("-request", Subaddress.Request), ("-owner", Subaddress.Owner), ("-bounces", Subaddress.Bounces),
        ("-join", Subaddress.Join), ("-leave", Subaddress.Leave), ("-confirm", Subaddress.Confirm),
    ];

    /// <summary>Resolves <paramref name="address"/> against the existing lists.</summary>
    /// <param name="address">An envelope recipient, e.g. <c>bayern-bounces+erika=example.org@lists.integreat.example</c>.</param>
    /// <param name="listExists">Tells whether a posting address (normalised) is a list.</param>
    /// <returns>The resolved recipient, or null when no list has that address.</returns>
    /// <remarks>A '+' tag is only allowed on <c>-bounces</c> (VERP) and <c>-confirm</c> (token); an exact list
    /// name wins over a suffix, so a list called <c>x-owner</c> stays reachable.</remarks>
    public static ListRecipient? Resolve(string address, Func<string, bool> listExists)
    {
        var normalised = EmailAddress.Normalise(address);
        var at = normalised.LastIndexOf('@');
        if (at <= 0) return null;
        var local = normalised[..at];
        var domain = normalised[(at + 1)..];
        if (listExists(normalised)) return new ListRecipient(normalised, Subaddress.Posting, "");
        var plus = local.IndexOf('+');
        var tag = plus < 0 ? "" : local[(plus + 1)..];
        var bare = plus < 0 ? local : local[..plus];
        foreach (var (suffix, kind) in Suffixes)
        {
            if (!bare.EndsWith(suffix, StringComparison.Ordinal) || bare.Length == suffix.Length) continue;
            if (plus >= 0 && kind is not (Subaddress.Bounces or Subaddress.Confirm)) return null;
            var list = bare[..^suffix.Length] + "@" + domain;
            if (listExists(list)) return new ListRecipient(list, kind, tag);
        }
        return null;
    }
}
