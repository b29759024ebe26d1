namespace Integreat.Lists.Core.Administration;

/// <summary>What an import did (or would have done) with one row.</summary>
public enum ImportOutcome
{
    /// <summary>The address was added to the roster.</summary>
    Added = 0,
    /// <summary>The address was on the roster already, or earlier in the same file; left unchanged.</summary>
    AlreadyPresent = 1,
    /// <summary>The address is not a valid member address; because of it the import changed nothing.</summary>
    Invalid = 2,

    /// <summary>The address was forgotten on request (<c>person forget</c>); skipped, as the import was not forced.</summary>
    Forgotten = 3,
}
