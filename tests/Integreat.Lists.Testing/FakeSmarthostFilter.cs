using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.Testing;

/// <summary>Answers MAIL and RCPT from the <see cref="FakeSmarthost"/>'s script.</summary>
/// <remarks>Not <see cref="IDisposable"/>: SmtpServer disposes resolved filters after every command (LIBRARIES.md 1.4).</remarks>
internal sealed class FakeSmarthostFilter(FakeSmarthost host) : IMailboxFilter
{
    const string RecipientCount = "FakeSmarthost.RecipientCount";
    static readonly SmtpResponse ShuttingDown = new((SmtpReplyCode)421, "4.3.2 shutting down");

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        // quit: true is the only way to make SmtpServer close the connection after a reply.
        if (host.Scripts.NextMailDisconnects()) throw new SmtpResponseException(ShuttingDown, quit: true);
        context.Properties[RecipientCount] = 0;
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var position = (context.Properties.TryGetValue(RecipientCount, out var count) ? (int)count : 0) + 1;
        context.Properties[RecipientCount] = position;
        var reply = host.OnRecipient(to.AsAddress(), position);
        if (reply is null || SmarthostScript.IsPositive(reply)) return Task.FromResult(true);
        // Throwing is the only way to choose the code; SmtpServer appends ", N retry(ies) remaining." to the text.
        throw new SmtpResponseException(reply);
    }
}
