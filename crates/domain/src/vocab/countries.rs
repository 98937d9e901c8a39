//! Countries of the EURES network (EU, EEA and Switzerland), for work places
//! abroad.

use super::vocabulary;

vocabulary! {
    /// A country where a EURES offer may be.
    Country {
        At = "AT" => ["Austria", "Austria", "Autriche", "Österreich"],
        Be = "BE" => ["Belgio", "Belgium", "Belgique", "Belgien"],
        Bg = "BG" => ["Bulgaria", "Bulgaria", "Bulgarie", "Bulgarien"],
        Ch = "CH" => ["Svizzera", "Switzerland", "Suisse", "Schweiz"],
        Cy = "CY" => ["Cipro", "Cyprus", "Chypre", "Zypern"],
        Cz = "CZ" => ["Cechia", "Czechia", "Tchéquie", "Tschechien"],
        De = "DE" => ["Germania", "Germany", "Allemagne", "Deutschland"],
        Dk = "DK" => ["Danimarca", "Denmark", "Danemark", "Dänemark"],
        Ee = "EE" => ["Estonia", "Estonia", "Estonie", "Estland"],
        Es = "ES" => ["Spagna", "Spain", "Espagne", "Spanien"],
        Fi = "FI" => ["Finlandia", "Finland", "Finlande", "Finnland"],
        Fr = "FR" => ["Francia", "France", "France", "Frankreich"],
        Gr = "GR" => ["Grecia", "Greece", "Grèce", "Griechenland"],
        Hr = "HR" => ["Croazia", "Croatia", "Croatie", "Kroatien"],
        Hu = "HU" => ["Ungheria", "Hungary", "Hongrie", "Ungarn"],
        Ie = "IE" => ["Irlanda", "Ireland", "Irlande", "Irland"],
        Is = "IS" => ["Islanda", "Iceland", "Islande", "Island"],
        It = "IT" => ["Italia", "Italy", "Italie", "Italien"],
        Li = "LI" => ["Liechtenstein", "Liechtenstein", "Liechtenstein", "Liechtenstein"],
        Lt = "LT" => ["Lituania", "Lithuania", "Lituanie", "Litauen"],
        Lu = "LU" => ["Lussemburgo", "Luxembourg", "Luxembourg", "Luxemburg"],
        Lv = "LV" => ["Lettonia", "Latvia", "Lettonie", "Lettland"],
        Mt = "MT" => ["Malta", "Malta", "Malte", "Malta"],
        Nl = "NL" => ["Paesi Bassi", "Netherlands", "Pays-Bas", "Niederlande"],
        No = "NO" => ["Norvegia", "Norway", "Norvège", "Norwegen"],
        Pl = "PL" => ["Polonia", "Poland", "Pologne", "Polen"],
        Pt = "PT" => ["Portogallo", "Portugal", "Portugal", "Portugal"],
        Ro = "RO" => ["Romania", "Romania", "Roumanie", "Rumänien"],
        Se = "SE" => ["Svezia", "Sweden", "Suède", "Schweden"],
        Si = "SI" => ["Slovenia", "Slovenia", "Slovénie", "Slowenien"],
        Sk = "SK" => ["Slovacchia", "Slovakia", "Slovaquie", "Slowakei"],
    }
}
