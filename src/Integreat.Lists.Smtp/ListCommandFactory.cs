using SmtpServer;
using SmtpServer.Protocol;

namespace Integreat.Lists.Smtp;

/// <summary>SmtpServer's command factory with our EHLO reply.</summary>
public sealed class ListCommandFactory(Microsoft.Extensions.Options.IOptions<SmtpIntakeOptions> options) : SmtpCommandFactory
{
    /// <summary>Clamps a declared <c>SIZE=</c> above our limit to one byte over it.</summary>
    /// <remarks>SmtpServer checks the declared size against its own (higher) limit before our filter runs and then
    /// answers without an enhanced code; clamped, every declared oversize reaches <see cref="ListMailboxFilter"/>,
    /// which answers <c>552 5.3.4</c> (RFC 1870 §6.2, RFC 3463 X.3.4).</remarks>
    public override SmtpCommand CreateMail(SmtpServer.Mail.IMailbox address, IReadOnlyDictionary<string, string> parameters)
    {
        var limit = options.Value.MaxMessageSizeKiB * 1024L;
        var size = parameters.FirstOrDefault(p => p.Key.Equals("SIZE", StringComparison.OrdinalIgnoreCase));
        if (size.Key is null || (long.TryParse(size.Value, out var declared) && declared <= limit)) return base.CreateMail(address, parameters);
        var clamped = parameters.Where(p => p.Key != size.Key).ToDictionary(p => p.Key, p => p.Value);
        clamped["SIZE"] = (limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return base.CreateMail(address, clamped);
    }

    /// <inheritdoc/>
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new ListEhloCommand(domainOrAddress);

    /// <inheritdoc/>
    public override SmtpCommand CreateHelo(string domainOrAddress) => new ListHeloCommand(domainOrAddress);

    /// <summary>HELO, remembering the client's name for SPF (RFC 7208 §2.3).</summary>
    sealed class ListHeloCommand(string domainOrAddress) : HeloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context)
        {
            SessionClient.RememberHelo(context, DomainOrAddress);
            return base.GetGreeting(context);
        }
    }

    /// <summary>EHLO without SMTPUTF8 (SmtpServer 11 decodes UTF-8 domains as ASCII, LIBRARIES.md §1.3) and
    /// without AUTH (nothing may authenticate on the MX port), with ENHANCEDSTATUSCODES (RFC 2034), since
    /// every reply we give carries one.</summary>
    sealed class ListEhloCommand(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context)
        {
            SessionClient.RememberHelo(context, DomainOrAddress);
            return context.ServerOptions.ServerName + " Hello";
        }

        protected override IEnumerable<string> GetExtensions(ISessionContext context) => base.GetExtensions(context)
            .Where(x => x != "SMTPUTF8" && !x.StartsWith("AUTH", StringComparison.Ordinal))
            .Select(x => x.StartsWith("SIZE ", StringComparison.Ordinal)
                ? "SIZE " + (context.ServerOptions.MaxMessageSizeOptions.Length - SmtpServerFactory.SizeSlackBytes)
                : x)
            .Append("ENHANCEDSTATUSCODES");
    }
}
