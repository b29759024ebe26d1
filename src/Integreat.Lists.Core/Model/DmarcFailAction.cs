namespace Integreat.Lists.Core.Model;

/// <summary>What a list does with a post whose From: domain publishes DMARC <c>p=reject</c> and which failed DMARC
/// (rule <c>dmarc-fail</c>; Mailman's <c>dmarc_moderation_action</c>, RFC 7960 §4.1.2): a forged member address.</summary>
public enum DmarcFailAction
{
    /// <summary>Hold for a moderator (the default: nothing is lost when a member's own server breaks DKIM).</summary>
    Hold,

    /// <summary>Refuse it (logged; no notice goes to the forged address).</summary>
    Reject,

    /// <summary>Let the other rules decide, as if DMARC had not failed.</summary>
    Accept,
}
