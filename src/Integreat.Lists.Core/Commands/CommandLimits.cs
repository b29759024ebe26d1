using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Commands;

/// <summary>The two limits that keep command mail from becoming a spam cannon (issue 4): replies per sender
/// per hour, and confirmation requests per target address per day. Both survive a restart.</summary>
public sealed class CommandLimits(IOptions<CommandOptions> options, IRateLimitStore store, TimeProvider time)
{
    /// <summary>Command replies, per (list, address), per hour.</summary>
    public RateLimiter Replies { get; } = new(store, "replies", time, TimeSpan.FromHours(1), () => options.Value.MaxRepliesPerHour);

    /// <summary>Confirmation requests, per (list, target address), per day.</summary>
    public RateLimiter Confirmations { get; } = new(store, "confirmations", time, TimeSpan.FromDays(1), () => options.Value.MaxConfirmationsPerDay);
}
