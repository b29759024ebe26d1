namespace Integreat.Lists.Core.Administration;

/// <summary>An administrative request cannot be carried out because of its input (an invalid address, an unknown
/// list or queue entry); nothing was changed. <see cref="Exception.Message"/> is one line naming what is wrong,
/// e.g. <c>'foo' is not a valid address</c>, fit to print after <c>error: </c>.</summary>
public sealed class AdministrationException(string message) : Exception(message);
