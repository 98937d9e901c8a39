// Sportello — a filter box for long lists (the occupation picker). Without
// JavaScript the list works as it is, grouped by occupation group; with it,
// typing a few letters (accents optional) narrows the list.
(function () {
  'use strict';
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var box = document.createElement('input');
    box.type = 'search';
    box.id = select.id + '-filter';
    box.className = 'picker-filter';
    box.setAttribute('autocomplete', 'off');
    box.setAttribute('aria-controls', select.id);
    var filterLabel = document.createElement('label');
    filterLabel.htmlFor = box.id;
    filterLabel.textContent = select.getAttribute('data-filter-label') || '';
    var status = document.createElement('p');
    status.className = 'hint';
    status.id = select.id + '-filter-status';
    status.setAttribute('aria-live', 'polite');
    box.setAttribute('aria-describedby', status.id);
    var wrapper = document.createElement('div');
    wrapper.className = 'field picker';
    wrapper.appendChild(filterLabel);
    wrapper.appendChild(box);
    wrapper.appendChild(status);
    (label || select).parentNode.insertBefore(wrapper, label || select);
    var template = select.getAttribute('data-filter-count') || '#';
    box.addEventListener('input', function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      var first = null;
      Array.prototype.forEach.call(select.querySelectorAll('option'), function (option) {
        if (!option.value) { return; }
        var text = fold(option.textContent);
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !match;
        option.disabled = !match && !option.selected;
        if (match) { shown += 1; if (!first) { first = option; } }
      });
      Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
        group.hidden = !group.querySelector('option:not([hidden])');
      });
      if (words.length && first && select.selectedOptions.length && select.selectedOptions[0].hidden) {
        first.selected = true;
      }
      status.textContent = words.length ? template.replace('#', String(shown)) : '';
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-filter-label]'), enhance);
  });
}());
