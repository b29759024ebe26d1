using System.Text;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Adds the list's subject prefix once (see <see cref="SubjectPrefix"/>).</summary>
/// <remarks>The decoded subject (RFC 2047) is rewritten and re-encoded as UTF-8 only when it holds
/// non-ASCII text, so umlauts survive and an unchanged subject is not touched.</remarks>
public sealed class SubjectPrefixHandler : IHeaderHandler
{
    /// <inheritdoc/>
    public string Name => "subject-prefix";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        if (list.SubjectPrefix.Length == 0) return;
        var headers = message.Headers;
        var current = headers[HeaderId.Subject];
        var updated = SubjectPrefix.Apply(list.SubjectPrefix, current);
        if (updated == current) return;
        var index = headers.IndexOf(HeaderId.Subject);
        var header = new Header(HeaderId.Subject, "");
        header.SetValue(FormatOptions.Default, Encoding.UTF8, updated);
        if (index < 0) headers.Add(header);
        else
        {
            headers.RemoveAll(HeaderId.Subject);
            headers.Insert(Math.Min(index, headers.Count), header);
        }
    }
}
