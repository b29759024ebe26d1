using Integreat.Lists.Core.Addressing;
using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>The normalised mailboxes a post names in To and Cc (and Resent-To/Resent-Cc, RFC 5322 §3.6.6).</summary>
public static class Destinations
{
    static readonly HeaderId[] Fields = [HeaderId.To, HeaderId.Cc, HeaderId.ResentTo, HeaderId.ResentCc];

    /// <summary>The mailboxes in <paramref name="headers"/>' destination fields, duplicates kept.</summary>
    public static IReadOnlyList<string> Of(HeaderList headers, bool resent = true)
    {
        var found = new List<string>();
        foreach (var header in headers.Where(h => Fields.Contains(h.Id) && (resent || h.Id is HeaderId.To or HeaderId.Cc)))
            if (InternetAddressList.TryParse(ParserOptions.Default, header.RawValue, out var list))
                found.AddRange(list.Mailboxes.Select(m => EmailAddress.Normalise(m.Address)));
        return found;
    }
}
