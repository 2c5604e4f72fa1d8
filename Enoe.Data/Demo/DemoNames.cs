namespace Enoe.Data.Demo;

/// <summary>Common French first and last names, for a believable demo académie.</summary>
internal static class DemoNames
{
    public static readonly string[] Girls =
    [
        "Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila", "Inès", "Ambre",
        "Julia", "Mia", "Léna", "Manon", "Juliette", "Lou", "Zoé", "Camille", "Agathe", "Sarah", "Romane",
        "Clara", "Eva", "Margaux", "Nina", "Lucie", "Capucine", "Maëlys", "Apolline", "Élise", "Anaïs", "Océane",
    ];

    public static readonly string[] Boys =
    [
        "Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Maël", "Lucas", "Hugo", "Noah",
        "Liam", "Gabin", "Sacha", "Paul", "Nathan", "Aaron", "Mohamed", "Ethan", "Tom", "Léon", "Théo",
        "Timéo", "Victor", "Martin", "Nolan", "Valentin", "Axel", "Baptiste", "Mathis", "Enzo", "Clément", "Antoine",
    ];

    public static readonly string[] Adults =
    [
        "Nathalie", "Isabelle", "Sylvie", "Catherine", "Valérie", "Sandrine", "Stéphanie", "Céline", "Aurélie",
        "Christophe", "Stéphane", "Nicolas", "Sébastien", "Frédéric", "Laurent", "Olivier", "Philippe", "Thierry",
        "Virginie", "Delphine", "Émilie", "Julien", "Jérôme", "Vincent", "David", "Pascal", "Karine", "Sophie",
    ];

    private static readonly HashSet<string> Women =
    [
        .. Girls, "Nathalie", "Isabelle", "Sylvie", "Catherine", "Valérie", "Sandrine", "Stéphanie", "Céline", "Aurélie", "Virginie",
        "Delphine", "Émilie", "Karine", "Sophie", "Claire", "Hélène",
    ];

    /// <summary>Whether a first name of the demo is a woman's ("Madame Fontaine" in a mémo's greeting).</summary>
    public static bool IsWoman(string firstName) => Women.Contains(firstName);

    public static readonly string[] LastNames =
    [
        "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
        "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
        "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin",
        "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
        "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noel", "Meyer",
        "Lucas", "Meunier", "Jean", "Perez", "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun",
        "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland",
        "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard",
        "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis",
        "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger",
        "Lecomte", "Menard", "Fleury", "Deschamps", "Carpentier", "Julien", "Benoit", "Paris", "Maillard", "Marchal",
        "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet", "Prevost", "Poirier", "Charpentier", "Royer",
    ];
}
