using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Authorization;

namespace Enoe.App.Account;

/// <summary>
/// A page of an ENT service is refused when the person's établissement does not run that service, has been archived,
/// or lets it be reached only from the school's networks and the request comes from elsewhere (the SAS).
/// </summary>
public sealed record ServiceRunningRequirement(EntService Service) : IAuthorizationRequirement;

/// <summary>Why a service refused: said to the person, in their language, on the page or as the 403's text.</summary>
public sealed class ServiceRefusedReason(IAuthorizationHandler handler, EntService service, string message)
    : AuthorizationFailureReason(handler, message)
{
    public EntService Service { get; } = service;
}

internal sealed class ServiceRunningHandler(ServiceAccess access) : AuthorizationHandler<ServiceRunningRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        ServiceRunningRequirement requirement
    )
    {
        // A person working in no établissement has no service to open.
        if (CurrentUser.From(context.User) is not { SchoolId: not null } user)
            return;
        // The gate's cache is dropped whenever the académie changes a switch: a service switched off closes at once.
        if (await access.RefusalAsync(user, requirement.Service) is { } refused)
            context.Fail(new ServiceRefusedReason(this, requirement.Service, refused.Errors[0]));
        else
            context.Succeed(requirement);
    }
}
