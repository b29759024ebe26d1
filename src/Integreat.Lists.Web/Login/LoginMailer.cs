using System.Security.Cryptography;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web.Login;

/// <summary>Mails a sign-in link (template <c>login</c>) through the daemon's delivery, to addresses that may sign
/// in: site admins and addresses on a roster. Unknown addresses get nothing, and the caller answers the same either
/// way, so the form does not tell who is on a list.</summary>
/// <remarks>At most <see cref="WebOptions.MaxLoginMailsPerHour"/> mails per address and hour (counted durably), so
/// the form cannot be used to flood a mailbox. The mail goes out in the name of a list the address is on (From
/// <c>LIST-owner@</c>, envelope sender <c>LIST-bounces@</c>), for a site admin on no roster the first list.</remarks>
public sealed class LoginMailer(
    IListRepository lists,
    IRosterRepository roster,
    WebAccess access,
    LoginTokens tokens,
    IRateLimitStore limits,
    ITemplateRenderer templates,
    DeliveryHandoff handoff,
    IOptions<WebOptions> options,
    TimeProvider time,
    ILogger<LoginMailer> logger)
{
    /// <summary>Sends a sign-in link to <paramref name="typed"/> if it may sign in and is under its limit.</summary>
    /// <param name="typed">The address as typed in the form.</param>
    /// <param name="returnPath">The local path to show after signing in.</param>
    /// <param name="baseUrl">The web port's public base URL, ending in <c>/</c>.</param>
    /// <returns>True when a mail was handed to delivery (for tests and the log; never shown to the visitor).</returns>
    public bool Send(string typed, string returnPath, Uri baseUrl)
    {
        if (!EmailAddress.TryParse(typed, out var address) || !access.IsKnown(address)) return false;
        var settings = options.Value;
        if (!limits.TryAcquire("login|web|" + address, time.GetUtcNow().UtcDateTime, TimeSpan.FromHours(1), settings.MaxLoginMailsPerHour))
        {
            logger.LogInformation("sign-in link for {Address} not sent: more than {Max} this hour", address, settings.MaxLoginMailsPerHour);
            return false;
        }
        var list = SenderList(address);
        if (list is null) return false;
        var token = tokens.Issue(address, returnPath, settings.LoginLinkLifetime);
        var link = new Uri(baseUrl, "login/" + token).ToString();
        var text = NoticeText.Render(templates, TemplateNames.Login, list,
            new { address, link, minutes = (int)Math.Round(settings.LoginLinkLifetime.TotalMinutes) });
        var mail = ModerationMail.Compose(list, list.Addresses.Owner, [address], text.Subject, text.Body, null, null, null, time);
        var id = $"login-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        handoff.Hand(id, list, mail.MessageId, list.Addresses.Bounces, mail.Recipients, mail.Bytes);
        logger.LogInformation("sign-in link for {Address} sent as {Id}", address, id);
        return true;
    }

    MailingList? SenderList(string address)
    {
        var all = lists.All();
        return all.FirstOrDefault(l => roster.Find(l.Address, address) is not null) ?? all.FirstOrDefault();
    }
}
