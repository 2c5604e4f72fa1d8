using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Réservations: rooms and equipment, never given twice.</summary>
        public static readonly EntService Bookings = new(Enoe.Data.Bookings.BookingsDataModule.Key);
    }
}

namespace Enoe.Data.Bookings
{
    public sealed class BookingsDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "bookings";

        public override EntService? Service => EntService.Bookings;

        public override string? FileCode => "reservations";

        public override void AddServices(IServiceCollection services) =>
            services.AddSingleton<BookingService>().AddSingleton<Demo.IDemoStep, BookingsDemoStep>();
    }
}
