using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Adds <c>List-Archive</c> (RFC 2369 §3.6) and <c>Archived-At</c> (RFC 5064 §3) for one post of a list
/// whose archive is on and published by a web port; runs after <see cref="Rfc2369HeadersHandler"/>, which removes an
/// upstream list's copies.</summary>
/// <param name="links">The archive URLs.</param>
/// <param name="postId">The post's archive id (its spool id).</param>
public sealed class ArchiveHeadersHandler(ArchiveLinks links, string postId) : IHeaderHandler
{
    /// <inheritdoc/>
    public string Name => "archive-headers";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        message.Headers.RemoveAll("Archived-At");
        if (list.Archive == ArchivePolicy.Off || !links.Published) return;
        message.Headers.Add(Unfolded(HeaderId.ListArchive.ToHeaderName(), links.List(list.Address)));
        message.Headers.Add(Unfolded("Archived-At", links.Post(list.Address, postId)));
    }

    /// <summary>One line <c>Name: &lt;url&gt;</c>: MimeKit would fold or RFC 2047-encode a long value, and an encoded
    /// URL is no URL (RFC 5064 §3 wants the angle-bracketed URI; RFC 5322 allows lines to 998 characters).</summary>
    static Header Unfolded(string name, string url)
    {
        var header = new Header(name, "");
        header.SetRawValue(System.Text.Encoding.ASCII.GetBytes($" <{url}>\r\n"));
        return header;
    }
}
