namespace Integreat.Lists.Core.Addressing;

/// <summary>Which of a list's addresses a recipient names (Mailman's sub-addresses, <c>runners/lmtp.py</c>).</summary>
public enum Subaddress
{
    /// <summary><c>LIST@</c>: a post.</summary>
    Posting,
    /// <summary><c>LIST-request@</c>: command mail.</summary>
    Request,
    /// <summary><c>LIST-owner@</c>: mail for the owners.</summary>
    Owner,
    /// <summary><c>LIST-bounces@</c> and <c>LIST-bounces+TAG@</c>: bounces and DSNs.</summary>
    Bounces,
    /// <summary><c>LIST-join@</c>: join request.</summary>
    Join,
    /// <summary><c>LIST-leave@</c>: leave request.</summary>
    Leave,
    /// <summary><c>LIST-confirm+TOKEN@</c>: a confirmation reply.</summary>
    Confirm,
}
