using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;

namespace Integreat.Lists.Core.Unsubscribe;

/// <summary>The own header fields of each member's copy of one post (see <see cref="RecipientHeaders"/>), for the
/// copies of one delivery job: <c>List-Unsubscribe</c> (one-click link and mailto, RFC 8058 §3, or the mailto alone
/// while there is no web port), <c>List-Unsubscribe-Post</c>, and the DKIM-Signature over them and the shared bytes.</summary>
/// <remarks>Not thread-safe: one per job. Dispose it after the job (it may hold a private key).</remarks>
public sealed class RecipientCopies(string list, string mailto, string? baseUrl, IUnsubscribeTokens tokens, CopySigner? signer)
    : IDisposable
{
    /// <summary>The fields (signed when the list domain has a key; CRLF line ends) to send before the shared bytes to
    /// <paramref name="recipient"/>.</summary>
    /// <param name="recipient">The member's address (the envelope recipient).</param>
    public byte[] For(string recipient)
    {
        var fields = baseUrl is not null
            ? $"List-Unsubscribe: <{baseUrl}/u/{tokens.Issue(list, recipient)}>,\r\n {mailto}\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
            : $"List-Unsubscribe: {mailto}\r\n";
        var prefix = Encoding.ASCII.GetBytes(fields);
        return signer?.Sign(prefix) ?? prefix;
    }

    /// <inheritdoc/>
    public void Dispose() => signer?.Dispose();
}
