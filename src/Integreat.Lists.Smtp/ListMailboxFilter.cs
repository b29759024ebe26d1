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

    /// <inheritdoc/>
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        if (state.Draining) throw new SmtpResponseException(Replies.ShuttingDown, quit: true);
        if (size > options.Value.MaxMessageSizeKiB * 1024L) throw new SmtpResponseException(Replies.MessageTooBig);
        context.Properties[RecipientCount] = 0;
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var count = context.Properties.TryGetValue(RecipientCount, out var value) ? (int)value : 0;
        if (count >= options.Value.MaxRecipients) throw new SmtpResponseException(Replies.TooManyRecipients);
        if (to.Host.Any(c => c > 127) || to.User.Any(c => c > 127)) throw new SmtpResponseException(Replies.BadAddress);
        var address = to.AsAddress();
        var domain = EmailAddress.DomainOf(address);
        var all = lists.All();
        if (!all.Any(l => l.Addresses.Domain == domain)) throw new SmtpResponseException(Replies.RelayDenied);
        if (ListRecipient.Resolve(address, a => all.Any(l => l.Address == a)) is null)
            throw new SmtpResponseException(Replies.NoSuchList);
        context.Properties[RecipientCount] = count + 1;
        return Task.FromResult(true);
    }
}
