using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Sessions;

/// <summary>Server-side sign-in sessions: what signing out, a password change or a disabled account ends.</summary>
public sealed class SessionsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<SignInSessions>();
}
