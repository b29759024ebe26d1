using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Dkim;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Unsubscribe;

/// <summary>The header fields one member's copy of a post gets above the bytes shared by all copies: a
/// <c>List-Unsubscribe</c> with the member's one-click link and the list's <c>-leave</c> address, and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058 §3), or the mailto alone while there is no web
/// port; then a DKIM-Signature over those fields and the shared message.</summary>
/// <remarks>Why a signature per copy: RFC 8058 §4 asks for a DKIM signature that covers <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post</c>, and those differ per member, so a signature made once cannot cover them. The shared
/// bytes of a personalised post are therefore not signed at the hand-off; each copy gets one signature over its own
/// fields and the shared message (relaxed/relaxed, same key and field list). Cost per copy: hashing the body once
/// and the shared fields once per post (<see cref="Dkim.SharedSignedPart"/>), and per copy only the member's fields and one RSA signature
/// (<see cref="Dkim.CopySigner"/>).
/// <para>Only with VERP on (<see cref="DeliveryOptions.Verp"/>), where each copy is a transaction of its own anyway:
/// an operator who turned VERP off chose one transaction per batch, and posts then carry the mailto alone.</para></remarks>
public sealed class RecipientHeaders(IUnsubscribeTokens tokens, MessageSigner signer, IOptions<DeliveryOptions> delivery,
    IWebLinks? links = null)
{
    /// <summary>Whether posts get one-click links now: a web port exists and VERP is on.</summary>
    public bool OneClick => delivery.Value.Verp && links?.BaseUrl is not null;

    /// <summary>The fields (signed, CRLF line ends) to send before <paramref name="shared"/> to <paramref name="recipient"/>.</summary>
    /// <param name="list">The list's posting address.</param>
    /// <param name="recipient">The member's address (the envelope recipient).</param>
    /// <param name="shared">The post as handed off, without <c>List-Unsubscribe</c>.</param>
    public byte[] For(string list, string recipient, byte[] shared)
    {
        using var copies = ForPost(list, shared);
        return copies.For(recipient);
    }

    /// <summary>The fields of every member's copy of one post, made once per delivery job: the signing key, the body
    /// hash and the shared fields are looked up and computed once, not per copy.</summary>
    /// <param name="list">The list's posting address.</param>
    /// <param name="shared">The post as handed off, without <c>List-Unsubscribe</c>.</param>
    public RecipientCopies ForPost(string list, byte[] shared)
    {
        var addresses = ListAddresses.For(list);
        return new RecipientCopies(list, $"<mailto:{addresses.Leave}>", links?.BaseUrl, tokens,
            signer.ForCopies(addresses.Domain, shared));
    }
}
