// Pivot document look-ups.
#include "formats/pivot_document.h"

namespace relais::pivot {
namespace {

template <class T, class Key>
const T* findBy(const std::vector<T>& items, std::string_view key, Key T::*member) {
    for (const auto& item : items)
        if (item.*member == key) return &item;
    return nullptr;
}

}  // namespace

const char* messageName(Message m) {
    switch (m) {
        case Message::Orders: return "ORDERS";
        case Message::Desadv: return "DESADV";
        case Message::Invoic: return "INVOIC";
    }
    return "?";
}

std::optional<Message> messageFromName(std::string_view name) {
    for (Message m : {Message::Orders, Message::Desadv, Message::Invoic})
        if (name == messageName(m)) return m;
    return std::nullopt;
}

const char* mainQuantityQualifier(Message m) {
    switch (m) {
        case Message::Orders: return "21";
        case Message::Desadv: return "12";
        case Message::Invoic: return "47";
    }
    return "";
}

const Quantity* Line::quantity(std::string_view q) const { return findBy(quantities, q, &Quantity::qualifier); }
const Price* Line::price(std::string_view q) const { return findBy(prices, q, &Price::qualifier); }
const Amount* Line::amount(std::string_view q) const { return findBy(amounts, q, &Amount::qualifier); }
const DateValue* Line::dateOf(std::string_view q) const { return findBy(dates, q, &DateValue::qualifier); }

const Party* Document::party(std::string_view role) const { return findBy(parties, role, &Party::role); }
const DateValue* Document::dateOf(std::string_view q) const { return findBy(dates, q, &DateValue::qualifier); }
const Reference* Document::reference(std::string_view q) const { return findBy(references, q, &Reference::qualifier); }
const Amount* Document::total(std::string_view q) const { return findBy(totals, q, &Amount::qualifier); }

}  // namespace relais::pivot
