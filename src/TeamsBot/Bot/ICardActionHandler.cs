namespace TeamsBot.Bot;

/// <summary>
/// Answers the card verbs it is registered for (<see cref="CardActionRegistration.AddCardActionHandler{THandler}"/>)
/// with one result; the router turns it into an invoke response or messages.
/// </summary>
public interface ICardActionHandler
{
    Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken);
}
