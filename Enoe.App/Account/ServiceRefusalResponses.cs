using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Enoe.App.Account;

/// <summary>
/// Says why a service refused: a page goes to the access-denied page, told which service (it works the reason out
/// again on the server, so nothing in the address can make it say something else); a download or an export answers
/// 403 with the reason as text. Every other refusal keeps the usual behaviour.
/// </summary>
internal sealed class ServiceRefusalResponses : IAuthorizationMiddlewareResultHandler
{
    public const string ServiceParameter = "service";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult
    )
    {
        if (
            !authorizeResult.Forbidden
            || authorizeResult.AuthorizationFailure?.FailureReasons.OfType<ServiceRefusedReason>().FirstOrDefault()
                is not { } refused
        )
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var back = Uri.EscapeDataString(
                context.Request.PathBase + context.Request.Path + context.Request.QueryString
            );
            context.Response.Redirect(
                $"/acces-refuse?{ServiceParameter}={Uri.EscapeDataString(refused.Service.Key)}&ReturnUrl={back}"
            );
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(refused.Message);
    }
}
