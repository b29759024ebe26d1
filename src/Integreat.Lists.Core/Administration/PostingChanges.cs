using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting.Rules;

namespace Integreat.Lists.Core.Administration;

/// <summary>The posting chain settings <c>lists set</c> changes; null leaves a setting as it is.</summary>
/// <param name="Emergency">Hold every post.</param>
/// <param name="ApprovalPassphrase">The new approval passphrase; empty removes it.</param>
/// <param name="MaxMessageSizeKiB">The size limit in KiB; 0 for none.</param>
/// <param name="MaxRecipients">The To+Cc limit; 0 for none.</param>
/// <param name="RequireExplicitDestination">Hold posts that do not name the list in To or Cc.</param>
/// <param name="Administrivia">Hold posts that look like commands.</param>
/// <param name="Ban">Address patterns to ban.</param>
/// <param name="Unban">Address patterns to lift.</param>
/// <param name="NonmemberPatterns">Per-address nonmember actions to add, as (action, pattern).</param>
/// <param name="RemovePatterns">Patterns to remove from every nonmember action.</param>
/// <param name="SuspiciousHeaders">Lines <c>Header: regex</c> to add.</param>
/// <param name="RemoveSuspiciousHeaders">Lines to remove.</param>
/// <param name="DmarcFail">What to do with posts failing DMARC under <c>p=reject</c> (rule <c>dmarc-fail</c>).</param>
public sealed record PostingChanges(
    bool? Emergency = null, string? ApprovalPassphrase = null, int? MaxMessageSizeKiB = null, int? MaxRecipients = null,
    bool? RequireExplicitDestination = null, bool? Administrivia = null,
    IReadOnlyList<string>? Ban = null, IReadOnlyList<string>? Unban = null,
    IReadOnlyList<(NonmemberAction Action, string Pattern)>? NonmemberPatterns = null, IReadOnlyList<string>? RemovePatterns = null,
    IReadOnlyList<string>? SuspiciousHeaders = null, IReadOnlyList<string>? RemoveSuspiciousHeaders = null,
    DmarcFailAction? DmarcFail = null)
{
    /// <summary>True when no setting is to change.</summary>
    public bool IsEmpty => Emergency is null && ApprovalPassphrase is null && MaxMessageSizeKiB is null && MaxRecipients is null
        && RequireExplicitDestination is null && Administrivia is null && None(Ban) && None(Unban) && None(NonmemberPatterns)
        && None(RemovePatterns) && None(SuspiciousHeaders) && None(RemoveSuspiciousHeaders) && DmarcFail is null;

    /// <summary>Applies the changes to <paramref name="settings"/>.</summary>
    /// <exception cref="AdministrationException">A pattern, header line or number is invalid; nothing is changed.</exception>
    public void Apply(PostingSettings settings)
    {
        foreach (var pattern in (Ban ?? []).Concat((NonmemberPatterns ?? []).Select(p => p.Pattern)).Where(p => !AddressPatterns.IsValid(p)))
            throw new AdministrationException($"'{pattern}' is neither an address nor a regular expression starting with ^");
        foreach (var line in (SuspiciousHeaders ?? []).Where(l => !SuspiciousHeaderRule.TrySplit(l, out _, out _)))
            throw new AdministrationException($"'{line}' is not 'Header: regular expression'");
        if (MaxMessageSizeKiB is < 0 || MaxRecipients is < 0) throw new AdministrationException("limits must be 0 (none) or positive");
        if (Emergency is { } emergency) settings.Emergency = emergency;
        if (ApprovalPassphrase is { } passphrase)
            settings.ApprovalPassphraseHash = passphrase.Length == 0 ? "" : Convert.ToHexStringLower(ApprovedRule.Hash(passphrase));
        if (MaxMessageSizeKiB is { } size) settings.MaxMessageSizeKiB = size;
        if (MaxRecipients is { } recipients) settings.MaxRecipients = recipients;
        if (RequireExplicitDestination is { } explicitDestination) settings.RequireExplicitDestination = explicitDestination;
        if (Administrivia is { } administrivia) settings.Administrivia = administrivia;
        if (DmarcFail is { } dmarcFail) settings.DmarcFail = dmarcFail;
        Edit(settings.BannedAddresses, Ban, Unban);
        foreach (var patterns in new[] { settings.NonmemberAccept, settings.NonmemberHold, settings.NonmemberReject, settings.NonmemberDiscard })
            Edit(patterns, null, RemovePatterns);
        foreach (var (action, pattern) in NonmemberPatterns ?? [])
            Edit(Patterns(settings, action), [pattern], null);
        Edit(settings.SuspiciousHeaders, SuspiciousHeaders, RemoveSuspiciousHeaders);
    }

    static List<string> Patterns(PostingSettings settings, NonmemberAction action) => action switch
    {
        NonmemberAction.Accept => settings.NonmemberAccept,
        NonmemberAction.Hold => settings.NonmemberHold,
        NonmemberAction.Discard => settings.NonmemberDiscard,
        _ => settings.NonmemberReject,
    };

    static void Edit(List<string> target, IReadOnlyList<string>? add, IReadOnlyList<string>? remove)
    {
        foreach (var item in remove ?? []) target.RemoveAll(t => t.Equals(item.Trim(), StringComparison.OrdinalIgnoreCase));
        foreach (var item in (add ?? []).Select(a => a.Trim()))
            if (!target.Contains(item, StringComparer.OrdinalIgnoreCase)) target.Add(item);
    }

    static bool None<T>(IReadOnlyList<T>? items) => items is null || items.Count == 0;
}
