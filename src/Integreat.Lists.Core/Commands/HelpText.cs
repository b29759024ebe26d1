using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>The answers to <c>help</c> and <c>info</c>. The texts live here until the template step.</summary>
public static class HelpText
{
    /// <summary>The command list.</summary>
    public static CommandResult Help(MailingList list, string command) => new(command,
        $"""
        Befehle an {list.Addresses.Request}, einer pro Zeile (im Betreff oder am Anfang der Nachricht):
          hilfe                 diese Übersicht
          info                  Beschreibung der Liste
          abonnieren            Ihre Adresse anmelden (Sie erhalten eine Bestätigungsanfrage)
          abmelden              Ihre Adresse abmelden (Sie erhalten eine Bestätigungsanfrage)
          bestätigen CODE       eine Bestätigungsanfrage beantworten
          mitglieder            die Mitgliederliste (nur für Verantwortliche der Liste)
          ende                  hier aufhören zu lesen
        Einfacher: eine leere Nachricht an {list.Addresses.Join} oder {list.Addresses.Leave}.
        """,
        $"""
        Commands to {list.Addresses.Request}, one per line (in the Subject or at the top of the message):
          help                  this overview
          info                  the list's description
          join                  subscribe your address (you receive a confirmation request)
          leave                 unsubscribe your address (you receive a confirmation request)
          confirm CODE          answer a confirmation request
          who                   the roster (list owners only)
          end                   stop reading here
        Easier: an empty message to {list.Addresses.Join} or {list.Addresses.Leave}.
        """);

    /// <summary>The list's description.</summary>
    public static CommandResult Info(MailingList list, string command)
    {
        var (policyDe, policyEn) = list.SubscriptionPolicy switch
        {
            SubscriptionPolicy.Open => ("Anmeldung mit Bestätigung der Adresse.", "Joining needs a confirmation of the address."),
            SubscriptionPolicy.Moderate => ("Anmeldung mit Bestätigung der Adresse und Freigabe durch die Verantwortlichen.",
                "Joining needs a confirmation of the address and the owners' approval."),
            _ => ("Anmeldung nur durch die Verantwortlichen.", "Only the owners add members."),
        };
        return new(command,
            $"Liste „{list.Name}“, Adresse {list.Address}.\n{policyDe}\nVerantwortliche: {list.Addresses.Owner}",
            $"List \"{list.Name}\", address {list.Address}.\n{policyEn}\nOwners: {list.Addresses.Owner}");
    }
}
