using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Handlers;

/// <summary>One header transformation applied to an accepted post before distribution (a Mailman pipeline
/// handler, restricted to headers so the body bytes stay untouched).</summary>
public interface IHeaderHandler
{
    /// <summary>The kebab-case handler name, e.g. <c>subject-prefix</c>, used in logs.</summary>
    string Name { get; }

    /// <summary>Edits <paramref name="message"/>'s headers in place for distribution on <paramref name="list"/>.</summary>
    void Process(MailingList list, RawMessage message);
}
