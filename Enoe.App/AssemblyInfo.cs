using System.Resources;

// French texts are the neutral resources; English comes from the *.en.resx satellites.
[assembly: NeutralResourcesLanguage("fr")]
