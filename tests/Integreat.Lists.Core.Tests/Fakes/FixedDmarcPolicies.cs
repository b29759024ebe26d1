using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>DMARC answers given per domain; an unknown domain has no policy.</summary>
sealed class FixedDmarcPolicies : IDmarcPolicyLookup
{
    readonly Dictionary<string, DmarcLookup> _answers = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Asked { get; } = [];

    public FixedDmarcPolicies With(string domain, string record)
    {
        _answers[domain] = new DmarcLookup(domain, DmarcStatus.Found, DmarcRecord.Parse(record), domain, domain);
        return this;
    }

    public FixedDmarcPolicies Failing(string domain)
    {
        _answers[domain] = new DmarcLookup(domain, DmarcStatus.DnsFailure, null, "", domain);
        return this;
    }

    public Task<DmarcLookup> LookupAsync(string domain, CancellationToken cancellationToken)
    {
        Asked.Add(domain);
        return Task.FromResult(_answers.TryGetValue(domain, out var answer) ? answer
            : new DmarcLookup(domain, DmarcStatus.NoPolicy, null, "", domain));
    }
}
