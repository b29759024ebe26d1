using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting.Rules;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Removes the approval passphrase fields (<c>Approved</c>, <c>Approve</c>, <c>X-Approved</c>,
/// <c>X-Approve</c>) before distribution, so no member ever sees the passphrase (Mailman's <c>handlers/cleanse.py</c>).</summary>
public sealed class CleanseHandler : IHeaderHandler
{
    /// <inheritdoc/>
    public string Name => "cleanse";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        foreach (var field in ApprovedRule.Fields) message.Headers.RemoveAll(field);
    }
}
