# Virtual boards: social cards and ready-to-paste posts.
card-image-alt = Fiche de l'offre d'emploi { $reference } : { $title }, { $place }
posts-title = Textes prêts à publier
posts-intro = Pour chaque offre publiée ces derniers jours, un texte dans chaque langue à copier et coller sur la page Facebook ou le profil Google du centre, avec le lien court et l'image de l'offre.
posts-days = Publiées ces derniers jours
posts-none = Aucune offre ouverte n'a été publiée pendant cette période.
posts-more = Affichage des { $shown } offres les plus récentes sur { $total } : choisissez un centre ou moins de jours pour voir les autres.
posts-text-label = Texte en { $language }
posts-card-link = Image pour les réseaux sociaux en { $language } (PNG, 1200×630)
post-openings = { $count ->
    [one] 1 poste
   *[other] { $count } postes
}
post-apply-by = Candidatures jusqu'au { $date }
post-details = Détails et comment postuler : { $link }
post-hashtags = #emploi #recrutement #Italie
