using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.Smtp;

/// <summary>Accepts RCPT only for addresses of existing lists: 550 5.7.1 for other domains (never an open
/// relay), 550 5.1.1 for unknown local parts, 452 4.5.3 past the recipient limit.</summary>
/// <remarks>Does no membership or moderation check: that is policy, decided after the 250 (STYLE.md rule 6).
/// Not <see cref="IDisposable"/>: SmtpServer disposes filters after every command (LIBRARIES.md §1.4).</remarks>
public sealed class ListMailboxFilter(IListRepository lists, IOptions<SmtpIntakeOptions> options, IntakeState state) : IMailboxFilter
{
    const string RecipientCount = "Integreat.RecipientCount";
    const string RefusedCount = "Integreat.RefusedRecipients";

    /// <summary>Refused RCPTs in one session after which the session is closed with 421 4.7.0.</summary>
    /// <remarks>A client should stop at the first 452 (RFC 5321 §4.5.3.1.10), and a list server has few addresses, so
    /// this many refusals is a dictionary attack or a runaway client. It stays below SmtpServer's MaxRetryCount (see
    /// <see cref="SmtpServerFactory"/>), past which the library would drop the session without any reply.</remarks>
    public const int MaxRefusedRecipients = 50;

    /// <summary>The longest envelope address taken: a path is at most 256 octets with its angle brackets (RFC 5321
    /// §4.5.3.1.3). A longer sender would end up in notices and logs.</summary>
    const int MaxAddressLength = 254;

    /// <inheritdoc/>
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        if (state.Draining) throw new SmtpResponseException(Replies.ShuttingDown, quit: true);
        if (size > options.Value.MaxMessageSizeKiB * 1024L) throw new SmtpResponseException(Replies.MessageTooBig);
        // The null reverse-path (bounces, RFC 5321 §4.5.5) has no address at all.
        if (from.AsAddress() is { Length: > MaxAddressLength }) throw new SmtpResponseException(Replies.BadAddress);
        context.Properties[RecipientCount] = 0;
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Check(context, to));
        }
        catch (SmtpResponseException)
        {
            if (CountRefusal(context) >= MaxRefusedRecipients) throw new SmtpResponseException(Replies.TooManyRefusals, quit: true);
            throw;
        }
    }

    static int CountRefusal(ISessionContext context)
    {
        var refused = (context.Properties.TryGetValue(RefusedCount, out var value) ? (int)value : 0) + 1;
        context.Properties[RefusedCount] = refused;
        return refused;
    }

    bool Check(ISessionContext context, IMailbox to)
    {
        var count = context.Properties.TryGetValue(RecipientCount, out var value) ? (int)value : 0;
        if (count >= options.Value.MaxRecipients) throw new SmtpResponseException(Replies.TooManyRecipients);
        if (to.Host.Any(c => c > 127) || to.User.Any(c => c > 127)) throw new SmtpResponseException(Replies.BadAddress);
        var address = to.AsAddress();
        if (address.Length > MaxAddressLength) throw new SmtpResponseException(Replies.BadAddress);
        var domain = EmailAddress.DomainOf(address);
        var all = lists.All();
        if (!all.Any(l => l.Addresses.Domain == domain)) throw new SmtpResponseException(Replies.RelayDenied);
        if (ListRecipient.Resolve(address, a => all.Any(l => l.Address == a)) is null)
            throw new SmtpResponseException(Replies.NoSuchList);
        context.Properties[RecipientCount] = count + 1;
        return true;
    }
}
