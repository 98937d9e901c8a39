# Virtual boards: social cards and ready-to-paste posts.
card-image-alt = Scheda dell'offerta { $reference }: { $title }, { $place }
posts-title = Testi pronti per i social
posts-intro = Per ogni offerta pubblicata negli ultimi giorni, un testo in ogni lingua da copiare e incollare nella pagina Facebook o nel profilo Google del centro, con il link breve e l'immagine dell'offerta.
posts-days = Pubblicate negli ultimi giorni
posts-none = Nessuna offerta aperta pubblicata in questo periodo.
posts-more = Sono mostrate le { $shown } offerte più recenti su { $total }: scegli un centro o meno giorni per vedere le altre.
posts-text-label = Testo in { $language }
posts-card-link = Immagine per i social in { $language } (PNG, 1200×630)
post-openings = { $count ->
    [one] 1 posto
   *[other] { $count } posti
}
post-apply-by = Candidature entro il { $date }
post-details = Dettagli e come candidarsi: { $link }
post-hashtags = #lavoro #offertedilavoro #CentriPerLImpiego
