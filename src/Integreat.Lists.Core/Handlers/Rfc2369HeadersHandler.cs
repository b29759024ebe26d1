using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Adds the list headers of RFC 2919 (<c>List-Id</c>) and RFC 2369 (<c>List-Post</c>, <c>-Help</c>,
/// <c>-Subscribe</c>, <c>-Unsubscribe</c>, <c>-Owner</c>), replacing those an upstream list left.</summary>
public sealed class Rfc2369HeadersHandler : IHeaderHandler
{
    static readonly string[] Names =
        ["List-Id", "List-Post", "List-Help", "List-Subscribe", "List-Unsubscribe", "List-Owner", "List-Archive", "Archived-At"];

    /// <inheritdoc/>
    public string Name => "rfc-2369";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        var headers = message.Headers;
        foreach (var name in Names) headers.RemoveAll(name);
        var a = list.Addresses;
        headers.Add(new Header(HeaderId.ListId, $"{Quote(list.Name)} <{list.ListId}>"));
        headers.Add(new Header(HeaderId.ListPost, $"<mailto:{a.Posting}>"));
        headers.Add(new Header(HeaderId.ListHelp, $"<mailto:{a.Request}?subject=help>"));
        headers.Add(new Header(HeaderId.ListSubscribe, $"<mailto:{a.Join}>"));
        headers.Add(new Header(HeaderId.ListUnsubscribe, $"<mailto:{a.Leave}>"));
        headers.Add(new Header(HeaderId.ListOwner, $"<mailto:{a.Owner}>"));
    }

    static string Quote(string phrase) => phrase.All(char.IsAscii)
        ? MimeKit.Utils.MimeUtils.Quote(phrase)
        : System.Text.Encoding.ASCII.GetString(MimeKit.Utils.Rfc2047.EncodePhrase(System.Text.Encoding.UTF8, phrase));
}
