using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Authorization;

namespace Enoe.App.Account;

/// <summary>A page of an ENT service is refused when the person's établissement does not run that service.</summary>
public sealed record ServiceRunningRequirement(EntService Service) : IAuthorizationRequirement;

internal sealed class ServiceRunningHandler(SchoolServiceSwitches switches)
    : AuthorizationHandler<ServiceRunningRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        ServiceRunningRequirement requirement
    )
    {
        // Read from the database on every check: a service the académie switches off closes at once.
        if (CurrentUser.From(context.User) is { } user && await switches.RunsAsync(user.SchoolId, requirement.Service))
            context.Succeed(requirement);
    }
}
